package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The repositories a job (or its folder) links, which its steps may work on; none when it links none. */
public record LinkedRepositories(List<RepositoryRef> repositories) {
    public static final LinkedRepositories NONE = new LinkedRepositories(List.of());

    public LinkedRepositories {
        repositories = List.copyOf(repositories);
    }

    public boolean isEmpty() {
        return repositories.isEmpty();
    }

    public boolean contains(RepositoryRef repository) {
        return repositories.stream().anyMatch(linked -> sameRepository(linked, repository));
    }

    /**
     * The repository a step works on: the one given ({@code workspace/repo}, a URL, or the bare slug of a linked one),
     * else the only one linked. When the job links repositories, any other is refused, before any call to Bitbucket.
     *
     * @param step the step, as the job names it
     */
    public RepositoryRef choose(String given, String step) throws StepFailure {
        String text = Arguments.text(given);
        if (text == null) {
            if (repositories.size() == 1) {
                return repositories.get(0);
            }
            throw new StepFailure(isEmpty() ? StepTexts.noRepository(step) : StepTexts.chooseLinked(step, names()));
        }
        if (isBareSlug(text)) {
            List<RepositoryRef> named = repositories.stream().filter(r -> r.repo().equalsIgnoreCase(text)).toList();
            if (named.size() == 1) {
                return named.get(0);
            }
            throw new StepFailure(isEmpty() ? StepTexts.bareSlugWithoutLinks(step, text)
                    : named.isEmpty() ? StepTexts.notLinked(step, text, names())
                    : StepTexts.ambiguousSlug(step, text, names(named)));
        }
        RepositoryRef repository = RepositoryRef.parse(text);
        if (!isEmpty() && !contains(repository)) {
            throw new StepFailure(StepTexts.notLinked(step, repository.fullName(), names()));
        }
        return repository;
    }

    /** {@code workspace/repo, workspace/repo}. */
    public String names() {
        return names(repositories);
    }

    private static String names(List<RepositoryRef> repositories) {
        return repositories.stream().map(RepositoryRef::fullName).collect(Collectors.joining(", "));
    }

    private static boolean isBareSlug(String text) {
        return !text.contains("/") && !text.contains(":") && !text.contains("@");
    }

    /** Bitbucket's slugs are case-insensitive. */
    static boolean sameRepository(RepositoryRef a, RepositoryRef b) {
        return a.provider().equals(b.provider())
                && a.fullName().toLowerCase(Locale.ROOT).equals(b.fullName().toLowerCase(Locale.ROOT));
    }
}
