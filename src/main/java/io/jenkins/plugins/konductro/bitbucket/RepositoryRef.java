package io.jenkins.plugins.konductro.bitbucket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Bitbucket Cloud repository: {@code {provider: bitbucket, workspace, repo}}. */
public record RepositoryRef(String provider, String workspace, String repo) {
    public static final String PROVIDER = "bitbucket";
    private static final String CLOUD_HOST = "bitbucket.org";
    private static final Pattern SCP_STYLE = Pattern.compile("^([^@/\\s]+)@([^:/\\s]+):(.+)$");

    public RepositoryRef {
        if (!PROVIDER.equals(provider)) {
            throw new InvalidInputException(Messages.RepositoryRef_providerNotSupported(BitbucketInputs.quoted(provider)));
        }
        workspace = BitbucketInputs.workspaceSlug(workspace);
        repo = BitbucketInputs.repositorySlug(repo);
    }

    public static RepositoryRef of(String workspace, String repo) {
        return new RepositoryRef(PROVIDER, workspace, repo);
    }

    /**
     * Parses {@code workspace/repo}, {@code https://bitbucket.org/workspace/repo[.git]} (a repository page
     * URL works too) and {@code git@bitbucket.org:workspace/repo.git}. Bitbucket Server / Data Center
     * addresses are refused.
     */
    public static RepositoryRef parse(String text) {
        String value = BitbucketInputs.required(text, Messages::BitbucketInputs_repositoryRequired);
        Matcher scp = SCP_STYLE.matcher(value);
        if (value.contains("://")) {
            return fromUrl(value);
        }
        if (scp.matches()) {
            if (scp.group(1).contains(":") || BitbucketInputs.looksSecret(scp.group(1))) {
                throw credentialInUrl();
            }
            requireCloudHost(scp.group(2), value);
            return fromPath(scp.group(3), value);
        }
        String[] parts = value.split("/", -1);
        if (parts.length != 2) {
            throw new InvalidInputException(Messages.RepositoryRef_notAForm(BitbucketInputs.quoted(value)));
        }
        return of(parts[0], stripGitSuffix(parts[1]));
    }

    public String fullName() {
        return workspace + "/" + repo;
    }

    /**
     * {@code url} when it is a page of Bitbucket Cloud's web site ({@code https://bitbucket.org/…}), else {@code null}:
     * a link Bitbucket's answer carries is shown as a link only when it goes there.
     */
    public static String webLinkOrNull(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean bitbucket = "https".equalsIgnoreCase(uri.getScheme()) && CLOUD_HOST.equalsIgnoreCase(uri.getHost())
                    && uri.getRawUserInfo() == null && uri.getPort() == -1 && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/");
            return bitbucket ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The repository's page on bitbucket.org. */
    public String webUrl() {
        return "https://" + CLOUD_HOST + "/" + fullName();
    }

    private static RepositoryRef fromUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(Messages.RepositoryRef_notAUrl());
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (userInfo.contains(":") || BitbucketInputs.looksSecret(userInfo))) {
            throw credentialInUrl();
        }
        // Messages show the URL without its user name.
        String shown = userInfo == null ? value : value.replace(userInfo + "@", "");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            throw new InvalidInputException(Messages.RepositoryRef_notHttps(BitbucketInputs.quoted(shown)));
        }
        requireCloudHost(uri.getHost(), shown);
        if (uri.getPort() != -1) {
            throw cloudOnly(shown);
        }
        return fromPath(uri.getPath(), shown);
    }

    private static RepositoryRef fromPath(String path, String original) {
        String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
        String[] parts = trimmed.split("/");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new InvalidInputException(Messages.RepositoryRef_noWorkspaceAndRepository(BitbucketInputs.quoted(original)));
        }
        if (parts[0].equals("scm") || parts[0].equals("projects")) {
            throw cloudOnly(original);
        }
        return of(parts[0], stripGitSuffix(parts[1]));
    }

    private static void requireCloudHost(String host, String original) {
        if (host == null || !host.equalsIgnoreCase(CLOUD_HOST)) {
            throw cloudOnly(original);
        }
    }

    private static InvalidInputException cloudOnly(String original) {
        return new InvalidInputException(Messages.RepositoryRef_notCloud(BitbucketInputs.quoted(original)));
    }

    private static InvalidInputException credentialInUrl() {
        // Never echo such a URL: it carries a secret.
        return new InvalidInputException(Messages.RepositoryRef_credentialInUrl());
    }

    private static String stripGitSuffix(String repo) {
        return repo.endsWith(".git") ? repo.substring(0, repo.length() - 4) : repo;
    }
}
