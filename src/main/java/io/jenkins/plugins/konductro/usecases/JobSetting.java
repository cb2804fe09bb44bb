package io.jenkins.plugins.konductro.usecases;

import java.util.function.Function;

/**
 * A job's (or its folder's) Konductro setting as the steps use it: the repositories it links, and whether new pull
 * requests get the repository's default reviewers.
 */
public record JobSetting(LinkedRepositories linked, boolean defaultReviewers) {
    public static final JobSetting NONE = new JobSetting(LinkedRepositories.NONE, false);

    /** A setting that links nothing and asks for nothing, as a job's empty form saves it, counts as none. */
    public boolean isEmpty() {
        return linked.isEmpty() && !defaultReviewers;
    }

    /**
     * The setting that applies to {@code item}: its own unless empty, else the nearest ancestor's that is not (a job's
     * folders, innermost first). The nearest setting applies whole.
     *
     * @param own    the item's own setting, {@code null} when it has none
     * @param parent the item's parent, {@code null} at the top
     */
    public static <T> JobSetting nearest(T item, Function<T, JobSetting> own, Function<T, T> parent) {
        for (T at = item; at != null; at = parent.apply(at)) {
            JobSetting setting = own.apply(at);
            if (setting != null && !setting.isEmpty()) {
                return setting;
            }
        }
        return NONE;
    }
}
