package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.nio.charset.StandardCharsets;

/**
 * A ticket's spec to write as {@code .tickets/<TICKET>.md} on {@code branch}.
 *
 * @param content the spec's bytes, UTF-8 Markdown
 * @param message the commit message; {@code null} for {@code <TICKET>: add ticket spec} (or {@code update})
 */
public record SpecUpdate(RepositoryRef repository, String ticket, String branch, byte[] content, String message) {

    public static SpecUpdate of(RepositoryRef repository, String ticket, String branch, byte[] content) {
        return new SpecUpdate(repository, ticket, branch, content, null);
    }

    /** The spec as text; text that cannot be written as UTF-8 is refused. */
    public static SpecUpdate of(RepositoryRef repository, String ticket, String branch, String markdown) {
        if (markdown == null) {
            throw new InvalidInputException(Messages.SpecUpdate_required());
        }
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(markdown)) {
            throw new InvalidInputException(Messages.SpecUpdate_notEncodable());
        }
        return of(repository, ticket, branch, markdown.getBytes(StandardCharsets.UTF_8));
    }

    public SpecUpdate withMessage(String message) {
        return new SpecUpdate(repository, ticket, branch, content, message);
    }
}
