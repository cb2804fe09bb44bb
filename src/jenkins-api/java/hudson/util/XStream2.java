package hudson.util;

import com.thoughtworks.xstream.XStream;

// Compile-only stub (see src/jenkins-api/README.md).
public class XStream2 extends XStream {
    @SuppressWarnings("rawtypes")
    public void addCompatibilityAlias(String oldClassName, Class newClass) {
        throw new UnsupportedOperationException("stub");
    }
}
