package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What a ticket's spec must be before it is written: UTF-8 Markdown text, not empty, at most 1 MiB. */
final class SpecContent {
    private SpecContent() {}

    /** A copy of the spec's bytes, once they are fit to be committed. */
    static byte[] require(byte[] markdown) {
        if (markdown == null || markdown.length == 0) {
            throw new InvalidInputException(Messages.SpecContent_empty());
        }
        if (markdown.length > KonductroOperations.MAX_SPEC_BYTES) {
            throw new InvalidInputException(Messages.SpecContent_tooLarge(Integer.toString(markdown.length),
                    Integer.toString(KonductroOperations.MAX_SPEC_BYTES)));
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(markdown));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(Messages.SpecContent_notUtf8());
        }
        if (new String(markdown, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidInputException(Messages.SpecContent_onlyWhiteSpace());
        }
        return markdown.clone();
    }
}
