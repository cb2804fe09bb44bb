package io.jenkins.plugins.konductro.usecases;

/**
 * Finds the Bitbucket account of a Jenkins user from their own Konductro credential. Only the account UUID
 * recorded at verification is read, never the token.
 */
public interface ReviewerDirectory {

    /** The account of Jenkins user {@code userId} in {@code workspace}, or why there is none. */
    ReviewerAccount find(String userId, String workspace);

    /** Either {@code accountUuid} or {@code problem} is set. */
    record ReviewerAccount(String accountUuid, String problem) {

        public static ReviewerAccount of(String accountUuid) {
            return new ReviewerAccount(accountUuid, null);
        }

        public static ReviewerAccount missing(String problem) {
            return new ReviewerAccount(null, problem);
        }
    }
}
