package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.BitbucketUser;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.WorkspacePermission;
import io.jenkins.plugins.konductro.operations.CredentialCheck.Field;
import java.io.IOException;
import java.io.InterruptedIOException;

/** Who a token authenticates and their role in its workspace, asked of Bitbucket at most once per cache lifetime. */
final class CredentialVerification {
    private final BitbucketClient client;
    private final VerificationCache cache;

    CredentialVerification(BitbucketClient client, VerificationCache cache) {
        this.client = client;
        this.cache = cache;
    }

    /** See {@link KonductroOperations#verifyCredential(String, String, String)}. */
    CredentialCheck verify(String workspace, String email, String token) throws InterruptedIOException {
        try {
            BitbucketInputs.workspaceSlug(workspace);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.WORKSPACE, e.getMessage());
        }
        try {
            BitbucketInputs.email(email);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.EMAIL, e.getMessage());
        }
        try {
            BitbucketInputs.apiToken(token);
        } catch (InvalidInputException e) {
            return CredentialCheck.failed(Field.TOKEN, e.getMessage());
        }
        return verify(ApiTokenCredential.of(workspace, email, token));
    }

    /** See {@link KonductroOperations#verifyCredential(ApiTokenCredential)}. */
    CredentialCheck verify(ApiTokenCredential credential) throws InterruptedIOException {
        return cache.verify(credential, this::askBitbucket);
    }

    private CredentialCheck askBitbucket(ApiTokenCredential credential) throws InterruptedIOException {
        try {
            WorkspacePermission membership = client.workspacePermission(credential, credential.workspace());
            BitbucketUser member = membership.member();
            if (member == null) {
                try {
                    member = client.currentUser(credential);
                } catch (BitbucketException.MissingScope e) {
                    return CredentialCheck.failed(Field.TOKEN,
                            Messages.CredentialVerification_accountNotNamed(credential.workspace(), credential.email()));
                }
            }
            return CredentialCheck.passed(member.uuid(), member.displayName(), membership.workspace(), membership.permission());
        } catch (BitbucketException.AccessDenied | BitbucketException.NotFound e) {
            return CredentialCheck.failed(Field.WORKSPACE,
                    Messages.CredentialVerification_noWorkspaceAccess(credential.email(), credential.workspace()));
        } catch (BitbucketException.AuthenticationFailed e) {
            return CredentialCheck.failed(Field.TOKEN, Messages.CredentialVerification_wrongEmailOrToken(e.getMessage()));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return CredentialCheck.failed(e instanceof BitbucketException.MissingScope ? Field.TOKEN : null, e.getMessage());
        }
    }
}
