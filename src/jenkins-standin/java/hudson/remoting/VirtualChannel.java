/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:remoting
 * jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java (read at HEAD, as recorded in shared/reference/jenkins-api.md §1.4)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.remoting;

public interface VirtualChannel {
}
