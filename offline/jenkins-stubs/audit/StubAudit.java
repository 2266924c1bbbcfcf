import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compares every signature stub with the real source it copies: each type's kind, modifiers, type parameters and
 * supertypes, and each stub member's modifiers, types and throws clause, must be found as written in the real
 * declaration (annotations, parameter names and bodies aside). Private stub members are not compared: nothing
 * outside can use them (a private constructor only keeps a stub class from being instantiated). Real abstract
 * methods a stub leaves out are listed as notes: a plugin class implementing that type would not be checked for them.
 *
 * <p>Usage (see docs/development.md): {@code java StubAudit.java STUB_ROOT REAL_SOURCE_ROOT...}; prints one line per
 * difference and exits 1 if there is any.
 */
public final class StubAudit {
    public static void main(String[] args) throws IOException {
        Path stubs = Path.of(args[0]);
        List<Path> roots = Stream.of(args).skip(1).map(Path::of).toList();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stubs)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path stub : files) {
            String rel = stubs.relativize(stub).toString();
            Path real = roots.stream().map(r -> r.resolve(rel)).filter(Files::exists).findFirst().orElse(null);
            if (real == null) {
                problems.add(rel + ": no real source found");
                continue;
            }
            Map<String, Decl> stubTypes = parse(stub);
            Map<String, Decl> realTypes = parse(real);
            stubTypes.forEach((name, s) -> {
                Decl r = realTypes.get(name);
                if (r == null) {
                    problems.add(rel + ": " + name + " not in the real source");
                    return;
                }
                if (!s.header.equals(r.header)) {
                    problems.add(rel + ": header\n    stub: " + s.header + "\n    real: " + r.header);
                }
                for (String m : s.members) {
                    if (!m.startsWith("private ") && !r.members.contains(m)) {
                        String key = nameOf(m);
                        String near = r.members.stream().filter(x -> nameOf(x).equals(key)).collect(Collectors.joining(" | "));
                        problems.add(rel + ": " + name + " member\n    stub: " + m + "\n    real: " + (near.isEmpty() ? "(none)" : near));
                    }
                }
                for (String m : r.members) {
                    if (m.contains(" abstract ") && m.contains("(") && !s.members.contains(m)) {
                        notes.add(rel + ": " + name + " leaves out abstract " + m);
                    }
                }
            });
        }
        notes.forEach(System.out::println);
        problems.forEach(System.out::println);
        System.out.println(files.size() + " stub files, " + problems.size() + " differences, " + notes.size()
                + " real abstract methods left out (no plugin class may implement such a type)");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private record Decl(String header, List<String> members) {}

    private static String nameOf(String member) {
        String head = member.contains("(") ? member.substring(0, member.indexOf('(')) : member;
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static Map<String, Decl> parse(Path file) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var fm = javac.getStandardFileManager(null, null, null);
        JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, fm.getJavaFileObjects(file));
        Map<String, Decl> out = new LinkedHashMap<>();
        for (CompilationUnitTree unit : task.parse()) {
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c) {
                    collect(c, "", false, out);
                }
            }
        }
        return out;
    }

    private static void collect(ClassTree c, String outer, boolean inInterface, Map<String, Decl> out) {
        String name = outer + c.getSimpleName();
        boolean iface = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
        String mods = mods(c.getModifiers(), inInterface ? List.of(Modifier.PUBLIC, Modifier.STATIC) : List.of());
        if (iface) {
            mods = mods.replace("abstract ", "");
        }
        StringBuilder header = new StringBuilder(mods + c.getKind().name().toLowerCase() + " " + c.getSimpleName());
        if (!c.getTypeParameters().isEmpty()) {
            header.append(c.getTypeParameters().stream().map(Object::toString).map(StubAudit::type).collect(Collectors.joining(", ", "<", ">")));
        }
        if (c.getExtendsClause() != null) {
            header.append(" extends ").append(type(c.getExtendsClause().toString()));
        }
        if (!c.getImplementsClause().isEmpty()) {
            header.append(iface ? " extends " : " implements ")
                    .append(c.getImplementsClause().stream().map(Object::toString).map(StubAudit::type).collect(Collectors.joining(", ")));
        }
        List<String> members = new ArrayList<>();
        for (Tree m : c.getMembers()) {
            if (m instanceof ClassTree nested) {
                collect(nested, name + ".", iface, out);
            } else if (m instanceof MethodTree method) {
                members.add(method(method, iface, c.getSimpleName().toString()));
            } else if (m instanceof VariableTree field) {
                if (c.getKind() == Tree.Kind.ENUM && field.getModifiers().getFlags().isEmpty() && field.getType() == null) {
                    members.add("constant " + field.getName());
                } else if (field.getType() != null && field.getType().toString().equals(c.getSimpleName().toString())
                        && c.getKind() == Tree.Kind.ENUM && !field.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    members.add("constant " + field.getName());
                } else {
                    members.add(mods(field.getModifiers(), iface ? List.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL) : List.of())
                            + type(field.getType().toString()) + " " + field.getName());
                }
            }
        }
        out.put(name, new Decl(header.toString().trim(), members));
    }

    private static String method(MethodTree m, boolean iface, String className) {
        List<Modifier> implicit = new ArrayList<>();
        if (iface && !m.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
            implicit.add(Modifier.PUBLIC);
            if (m.getBody() == null && m.getDefaultValue() == null) {
                implicit.add(Modifier.ABSTRACT);
            }
        }
        String typeParams = m.getTypeParameters().isEmpty() ? ""
                : m.getTypeParameters().stream().map(Object::toString).map(StubAudit::type).collect(Collectors.joining(", ", "<", "> "));
        String ret = m.getReturnType() == null ? "" : type(m.getReturnType().toString()) + " ";
        String name = m.getName().contentEquals("<init>") ? className : m.getName().toString();
        String params = m.getParameters().stream().map(p -> type(p.getType().toString()) + (p.toString().contains("...") ? "..." : ""))
                .collect(Collectors.joining(", "));
        String throwsClause = m.getThrows().isEmpty() ? ""
                : m.getThrows().stream().map(Object::toString).map(StubAudit::type).sorted().collect(Collectors.joining(", ", " throws ", ""));
        return mods(m.getModifiers(), implicit) + typeParams + ret + name + "(" + params + ")" + throwsClause;
    }

    /** Only the modifiers that are part of what a caller or subclass sees. */
    private static String mods(ModifiersTree tree, List<Modifier> implicit) {
        List<Modifier> order = List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE, Modifier.ABSTRACT,
                Modifier.DEFAULT, Modifier.STATIC, Modifier.FINAL, Modifier.SEALED, Modifier.NON_SEALED);
        StringBuilder sb = new StringBuilder();
        for (Modifier mod : order) {
            if (tree.getFlags().contains(mod) || implicit.contains(mod)) {
                sb.append(mod).append(' ');
            }
        }
        return sb.toString();
    }

    /** A type as written, without annotations and package qualifiers, so imports and @NonNull do not count. */
    private static String type(String written) {
        return written.replaceAll("@[\\w.]+(\\([^)]*\\))?\\s*", "")
                .replaceAll("\\b(?:[a-z_]\\w*\\.)+(?=[A-Z])", "")
                .replaceAll("\\s+", " ")
                .replace("...", "[]")
                .trim();
    }
}
