package io.jenkins.plugins.konductro.credentials.impl;

import hudson.model.User;
import hudson.util.Secret;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.Replaceable;
import io.jenkins.plugins.konductro.credentials.AttemptLimit;
import io.jenkins.plugins.konductro.credentials.BitbucketAccountsProperty;
import io.jenkins.plugins.konductro.credentials.BuildCredentials;
import io.jenkins.plugins.konductro.credentials.CredentialForm;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What saving a Konductro credential asks of Bitbucket and of Jenkins; tests put in their own. */
interface SaveChecks {

    /** Verifies the form's values against Bitbucket Cloud (cached per token, so a save Jenkins binds twice asks once). */
    CredentialCheck verify(String workspace, String email, Secret token);

    /** Records the account on the user saving: the owner of the personal store, the only one who may write to it. */
    void recordOwnAccount(VerifiedAccount account);

    /** Whether the save comes from a credentials picker's Add dialog rather than the store's own page. */
    boolean fromAddDialog();

    Replaceable<SaveChecks> IN_USE = new Replaceable<>(new InJenkins());

    static SaveChecks current() {
        return IN_USE.get();
    }

    /** Replaces the checks until the returned handle is closed (tests). */
    static AutoCloseable replacedBy(SaveChecks checks) {
        return IN_USE.replacedBy(checks);
    }

    final class InJenkins implements SaveChecks {
        private static final Logger LOGGER = Logger.getLogger(SaveChecks.class.getName());
        /** Checks a minute per user, Verify and saving together: enough to fix typos, too few to test tokens in bulk. */
        static final int CHECKS_PER_MINUTE = 10;
        private static final AttemptLimit CHECKS = new AttemptLimit(CHECKS_PER_MINUTE, Duration.ofMinutes(1));

        @Override
        public CredentialCheck verify(String workspace, String email, Secret token) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && !CHECKS.tryAcquire(user.getName())) {
                return new CredentialCheck(false, null, null, null, null, null,
                        CredentialForm.tooManyVerifications(CHECKS_PER_MINUTE));
            }
            return CredentialForm.verify(KonductroService.operations(), workspace, email, Secret.toString(token));
        }

        @Override
        public void recordOwnAccount(VerifiedAccount account) {
            if (!BuildCredentials.isDeveloper(SecurityContextHolder.getContext().getAuthentication())) {
                return; // SYSTEM and anonymous own no personal store
            }
            User owner = User.current();
            try {
                if (owner != null) {
                    BitbucketAccountsProperty.record(owner, account);
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Could not record the verified Bitbucket account on the user", e);
            }
        }

        @Override
        public boolean fromAddDialog() {
            StaplerRequest2 request = Stapler.getCurrentRequest2();
            return request != null && request.getRequestURI().endsWith("/addCredentials");
        }
    }
}
