package io.jenkins.plugins.deploysteps.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each entry and key of a plan is in its file, so a problem reads {@code plan.yaml:12:7: ...} as a compiler's
 * does. Paths are those the messages use: {@code hosts.prod-1.hostname}, {@code steps[2].minFreeDisk},
 * {@code steps[0].checks[1].url} (a step's own name is not a level).
 */
final class PlanMarks {
    private static final PlanMarks NONE = new PlanMarks();
    private final Map<String, Mark> marks = new HashMap<>();

    static PlanMarks of(Node root) {
        PlanMarks m = new PlanMarks();
        if (root != null) {
            m.walk("", root);
        }
        return m;
    }

    static PlanMarks none() {
        return NONE;
    }

    /** {@code file:line:column} of the path, or of the nearest enclosing entry; just {@code file} when nothing is known. */
    String at(Path file, String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Mark m = marks.get(p);
            if (m != null) {
                return file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            }
        }
        return file.toString();
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private void walk(String path, Node node) {
        if (node instanceof MappingNode map) {
            List<NodeTuple> tuples = map.getValue();
            boolean stepEntry = path.matches("steps\\[\\d+]") && tuples.size() == 1;
            for (NodeTuple t : tuples) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                if (stepEntry) {
                    walk(path, t.getValueNode());
                } else {
                    String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    marks.put(child, key.getStartMark());
                    walk(child, t.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node item = seq.getValue().get(i);
                marks.put(path + "[" + i + "]", item.getStartMark());
                walk(path + "[" + i + "]", item);
            }
        }
    }
}
