package org.jenkinsci.remoting;

import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public interface SerializableOnlyOverRemoting extends Serializable {
}
