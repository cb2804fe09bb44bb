package io.jenkins.plugins.konductro.bitbucket;

import java.util.Map;

/**
 * One commit through {@code POST .../src}: {@code files} maps repository paths to their new bytes,
 * {@code parent} is the branch head the change was made against, {@code author} is {@code Name <email>}.
 */
public record FileCommit(String branch, String parent, String message, String author, Map<String, byte[]> files) {

    public FileCommit {
        files = Map.copyOf(files);
    }
}
