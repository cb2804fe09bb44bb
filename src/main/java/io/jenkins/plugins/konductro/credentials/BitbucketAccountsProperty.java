package io.jenkins.plugins.konductro.credentials;

import hudson.Extension;
import hudson.model.User;
import hudson.model.UserProperty;
import hudson.model.UserPropertyDescriptor;
import hudson.model.userproperty.UserPropertyCategory;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Bitbucket accounts a Jenkins user's own Konductro tokens were verified as, one per workspace: not secret, and
 * what other users' pull requests need to make them a reviewer. Written only by Konductro, when that user's own
 * token passes verification (they save their credential, or a build running as them uses it); no form shows or
 * accepts it, and it has no data-bound constructor, so no configure page, Job DSL or Configuration as Code can set it.
 */
public final class BitbucketAccountsProperty extends UserProperty {
    /** Workspace slug → account; a plain class for XStream. */
    private final Map<String, Account> accounts;

    private static final class Account {
        private final String uuid;
        private final String displayName;

        Account(String uuid, String displayName) {
            this.uuid = uuid;
            this.displayName = displayName;
        }
    }

    private BitbucketAccountsProperty(Map<String, Account> accounts) {
        this.accounts = accounts;
    }

    /** The account recorded for {@code user} in {@code workspace}. */
    public static Optional<VerifiedAccount> of(User user, String workspace) {
        BitbucketAccountsProperty property = user.getProperty(BitbucketAccountsProperty.class);
        Account account = property == null || property.accounts == null ? null : property.accounts.get(workspace);
        return account == null ? Optional.empty() : Optional.of(new VerifiedAccount(workspace, account.uuid, account.displayName));
    }

    /** Records what {@code user}'s own token was just verified as; saves the user only when something changed. */
    public static void record(User user, VerifiedAccount account) throws IOException {
        if (account.uuid() == null) {
            return;
        }
        synchronized (user) {
            if (of(user, account.workspace()).equals(Optional.of(account))) {
                return;
            }
            user.addProperty(withAccount(user.getProperty(BitbucketAccountsProperty.class), account));
        }
    }

    /** {@code current}'s accounts (none when {@code null}) with {@code account} recorded for its workspace. */
    static BitbucketAccountsProperty withAccount(BitbucketAccountsProperty current, VerifiedAccount account) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (current != null && current.accounts != null) {
            accounts.putAll(current.accounts);
        }
        accounts.put(account.workspace(), new Account(account.uuid(), account.displayName()));
        return new BitbucketAccountsProperty(accounts);
    }

    /** Never on a configure page: the Invisible category has none, and no instance is made from a form. */
    @Extension
    public static final class DescriptorImpl extends UserPropertyDescriptor {
        @Override
        public UserProperty newInstance(User user) {
            return null;
        }

        @Override
        public boolean isEnabled() {
            return false;
        }

        @Override
        public UserPropertyCategory getUserPropertyCategory() {
            return UserPropertyCategory.get(UserPropertyCategory.Invisible.class);
        }

        @Override
        public String getDisplayName() {
            return Messages.BitbucketAccountsProperty_DisplayName();
        }
    }
}
