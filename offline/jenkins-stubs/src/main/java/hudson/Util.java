package hudson;

/** Signature stub of jenkins-core (org.jenkins-ci.main:jenkins-core); compile only. */
public class Util {
    public static String fixNull(String s) {
        throw new UnsupportedOperationException();
    }

    public static String fixEmptyAndTrim(String s) {
        throw new UnsupportedOperationException();
    }
}
