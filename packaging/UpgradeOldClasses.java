import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files older than Java 6 (major version 50) in a jar as Java 8 class files
 * with stack maps, in place. The build runs it on target/qubench.jar after shading
 * ({@code java packaging/UpgradeOldClasses.java target/qubench.jar}).
 *
 * <p>Why: picocli is compiled for Java 5. The JVM's ahead-of-time cache (bin/qubench) leaves
 * such classes out, so every run loaded its 180 classes from the jar and checked them with the
 * old, slow verifier: `new CommandLine(...)` took 110–130 ms of each command's start, 60 ms
 * once they were cached. The bytecode is unchanged; only the version and the stack maps the
 * newer verifier needs are written, by the JDK's class-file library.
 */
public final class UpgradeOldClasses {

    private static final int OLDEST_CACHED_MAJOR = 50;
    private static final int WRITTEN_MAJOR = 52;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java packaging/UpgradeOldClasses.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            // Stack maps merge types, so the generator must see the jar's own class hierarchy too.
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            try (InputStream in = Files.newInputStream(jar); ZipInputStream zipIn = new ZipInputStream(in);
                    OutputStream out = Files.newOutputStream(rewritten); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (ZipEntry entry; (entry = zipIn.getNextEntry()) != null; ) {
                    byte[] bytes = zipIn.readAllBytes();
                    if (entry.getName().endsWith(".class") && majorVersion(bytes) < OLDEST_CACHED_MAJOR) {
                        bytes = upgrade(classFile, bytes);
                        upgraded++;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    zipOut.putNextEntry(copy);
                    zipOut.write(bytes);
                    zipOut.closeEntry();
                }
            }
        }
        if (upgraded == 0) {
            Files.delete(rewritten);
        } else {
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println("UpgradeOldClasses: " + upgraded + " class files of " + jar + " rewritten as Java 8 class files");
    }

    private static int majorVersion(byte[] classBytes) {
        return classBytes.length < 8 ? Integer.MAX_VALUE : (classBytes[6] & 0xff) << 8 | (classBytes[7] & 0xff);
    }

    /** Every method body is rebuilt (so that its stack map is generated) and the version raised. */
    private static byte[] upgrade(ClassFile classFile, byte[] classBytes) {
        return classFile.transformClass(classFile.parse(classBytes),
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen((builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                        builder.withVersion(WRITTEN_MAJOR, 0);
                    } else {
                        builder.with(element);
                    }
                }));
    }
}
