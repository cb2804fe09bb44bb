package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

// Compile-only stub (see src/jenkins-api/README.md).
public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);
}
