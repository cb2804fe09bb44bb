package io.jenkins.plugins.konductro.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.NameWith;
import hudson.util.Secret;
import org.junit.jupiter.api.Test;

class CredentialNameTest {

    @Test
    void aCredentialIsListedAsEmailAtWorkspace() {
        assertEquals(BitbucketApiTokenCredentials.NameProvider.class,
                BitbucketApiTokenCredentials.class.getAnnotation(NameWith.class).value());
        assertEquals("alice@acme.test @ acme-team", new BitbucketApiTokenCredentials.NameProvider().getName(new Listed()));
    }

    /** Only what the name is made of; the rest is never called. */
    private static final class Listed implements BitbucketApiTokenCredentials {
        private static final long serialVersionUID = 1L;

        @Override
        public String getWorkspace() {
            return "acme-team";
        }

        @Override
        public String getEmail() {
            return "alice@acme.test";
        }

        @Override
        public Secret getApiToken() {
            throw new AssertionError("listing a credential never reads its token");
        }

        @Override
        public String getAccountUuid() {
            return null;
        }

        @Override
        public String getAccountName() {
            return null;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public String getId() {
            return "alice-acme";
        }

        @Override
        public CredentialsScope getScope() {
            return CredentialsScope.USER;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            throw new UnsupportedOperationException();
        }
    }
}
