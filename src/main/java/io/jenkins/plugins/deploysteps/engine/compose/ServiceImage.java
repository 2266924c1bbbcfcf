package io.jenkins.plugins.deploysteps.engine.compose;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The image a service ran before a deploy, kept in the backup's {@code images} note so a rollback can point the
 * service's image reference back at it. A backup tag ({@code <repository>:deploy-steps-<backup id>}) keeps the
 * image from being pruned while its backup exists.
 *
 * @param ref the reference the container was created from, e.g. {@code docker.io/library/app_web:latest}
 */
record ServiceImage(String service, String imageId, String ref) implements Serializable {
    static final String NOTE = "images";

    /** The reference without its tag or digest. */
    String repository() {
        String r = ref;
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int colon = r.lastIndexOf(':');
        return colon > r.lastIndexOf('/') ? r.substring(0, colon) : r;
    }

    String backupTag(String backupId) {
        return repository() + ":deploy-steps-" + backupId;
    }

    /** What each service runs now: its first running container's image, else its first container's. */
    static List<ServiceImage> of(ContainerState.Snapshot snapshot, List<String> services) {
        List<ServiceImage> out = new ArrayList<>();
        for (String service : services) {
            List<ContainerState> cs = snapshot.of(service);
            cs.stream().filter(ContainerState::running).findFirst().or(() -> cs.stream().findFirst())
                    .filter(c -> !c.imageId().isEmpty() && !c.imageRef().isEmpty())
                    .ifPresent(c -> out.add(new ServiceImage(service, c.imageId(), c.imageRef())));
        }
        return out;
    }

    static String toNote(List<ServiceImage> images) {
        StringBuilder b = new StringBuilder();
        for (ServiceImage i : images) {
            b.append(i.service()).append('\t').append(i.imageId()).append('\t').append(i.ref()).append('\n');
        }
        return b.toString();
    }

    static List<ServiceImage> fromNote(String note) {
        List<ServiceImage> out = new ArrayList<>();
        for (String line : note.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                out.add(new ServiceImage(f[0], f[1], f[2]));
            }
        }
        return out;
    }
}
