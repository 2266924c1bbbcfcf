package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    private ExtensionList() {
        throw new UnsupportedOperationException();
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException();
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException();
    }
}
