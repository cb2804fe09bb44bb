package io.jenkins.plugins.konductro.usecases;

import java.io.IOException;

/** Reads files of the build's workspace, wherever the node is. */
public interface WorkspaceFiles {

    /** At most {@code maxBytes} bytes of the file at {@code path}, relative to the workspace. */
    byte[] read(String path, int maxBytes) throws IOException, InterruptedException, StepFailure;
}
