package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

// Compile-only stub (see src/jenkins-api/README.md).
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("stub");
    }
}
