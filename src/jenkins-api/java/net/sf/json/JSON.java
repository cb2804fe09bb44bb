package net.sf.json;

import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public interface JSON extends Serializable {
}
