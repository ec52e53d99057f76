/*
 * Compile-only stand-in. Mirrors org.jenkins-ci.main:jenkins-core
 * jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java (read at 4d8ef2f, tag jenkins-2.541.3)
 * Only the members the Jenkins layer uses are declared, with the real signatures; bodies only throw.
 * Never packaged: see docs/jenkins-standin.md.
 */
package hudson.model;

// Real: public class Queue extends ResourceController implements Saveable, with a public Queue(LoadBalancer)
// constructor and many members; the layer only tests whether an item is a Queue.Task (the credentials dropdowns).
public class Queue {
    // Real: extends FullyNamedModelObject, SubTask; its methods are left out (the layer calls none).
    public interface Task {
    }
}
