package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

// Compile-only stub (see src/jenkins-api/README.md).
public class Stapler extends HttpServlet {
    public static StaplerRequest2 getCurrentRequest2() {
        throw new UnsupportedOperationException("stub");
    }
}
