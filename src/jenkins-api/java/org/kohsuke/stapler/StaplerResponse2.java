package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

// Compile-only stub (see src/jenkins-api/README.md).
public interface StaplerResponse2 extends HttpServletResponse {
}
