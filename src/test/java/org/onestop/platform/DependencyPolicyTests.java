package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The dependency policy of docs/dependency-policy.md, checked offline on every build: every jar on
 * the classpath is at least the minimum safe version recorded for it in docs/dependency-minimums.csv,
 * and every version the builds use is pinned (no SNAPSHOT, range or LATEST/RELEASE).
 */
class DependencyPolicyTests {

    private record Minimum(String group, String artifact, String version, String advisory) {
    }

    private record Jar(String group, String artifact, String version) {
    }

    @Test
    void everyDependencyIsAtLeastItsRecordedMinimumSafeVersion() throws IOException {
        Set<Jar> jars = classpathJars();
        List<String> problems = new ArrayList<>();
        for (Minimum min : minimums()) {
            List<Jar> found = jars.stream().filter(j -> j.group().equals(min.group()) && j.artifact().equals(min.artifact())).toList();
            if (found.isEmpty()) {
                problems.add(min.group() + ":" + min.artifact() + " is listed but not on the classpath: remove or fix its line");
            }
            for (Jar jar : found) {
                if (compare(jar.version(), min.version()) < 0) {
                    problems.add(min.group() + ":" + min.artifact() + " " + jar.version() + " is below " + min.version()
                            + " (" + min.advisory() + ")");
                }
            }
        }
        assertThat(problems).as("dependency policy (docs/dependency-policy.md)").isEmpty();
    }

    @Test
    void noSnapshotOnTheClasspath() throws IOException {
        assertThat(classpathJars()).filteredOn(j -> j.version().endsWith("-SNAPSHOT")).isEmpty();
    }

    @Test
    void buildsPinEveryVersion() throws Exception {
        for (Path pom : List.of(Path.of("pom.xml"), Path.of("load-tests", "pom.xml"))) {
            assertThat(unpinnedVersions(pom)).as("unpinned versions in %s", pom).isEmpty();
        }
        Properties wrapper = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(".mvn", "wrapper", "maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        assertThat(wrapper.getProperty("distributionUrl")).as("the Maven wrapper names one Maven release")
                .matches(".*/apache-maven/\\d+(\\.\\d+)+/apache-maven-\\d+(\\.\\d+)+-bin\\.zip");
    }

    @Test
    void versionsCompareAsReleasesDo() {
        assertThat(compare("4.1.99.Final", "4.1.100.Final")).isNegative();
        assertThat(compare("4.2.18.Final", "4.1.118.Final")).isPositive();
        assertThat(compare("2.0", "2.0.0")).isZero();
        assertThat(compare("1.5.13", "1.5.13")).isZero();
        assertThat(compare("3.0.0-RC1", "3.0.0")).isNegative();
        assertThat(compare("3.0.0-M2", "3.0.0-RC1")).isNegative();
        assertThat(compare("33.0.0-jre", "32.0.0-jre")).isPositive();
        assertThat(compare("7.5.2.RELEASE", "7.5.2")).isZero();
        assertThat(compare("20240325.1", "20260101.1")).isNegative();
    }

    @Test
    void unpinnedVersionsAreFound() throws Exception {
        Path pom = Files.createTempFile("pom", ".xml");
        Files.writeString(pom, """
                <project><parent><version>4.1.2</version></parent><version>0.1.0-SNAPSHOT</version>
                <properties><a.version>1.2-SNAPSHOT</a.version><b.version>[1.0,2.0)</b.version></properties>
                <dependencies>
                  <dependency><artifactId>a</artifactId><version>${a.version}</version></dependency>
                  <dependency><artifactId>b</artifactId><version>${b.version}</version></dependency>
                  <dependency><artifactId>c</artifactId><version>LATEST</version></dependency>
                  <dependency><artifactId>d</artifactId><version>1.0</version></dependency>
                </dependencies></project>""");
        assertThat(unpinnedVersions(pom)).containsExactly("a 1.2-SNAPSHOT", "b [1.0,2.0)", "c LATEST");
    }

    private static List<Minimum> minimums() throws IOException {
        List<Minimum> minimums = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs", "dependency-minimums.csv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", 4);
            String[] coordinates = fields[0].split(":");
            minimums.add(new Minimum(coordinates[0], coordinates[1], fields[1], fields[2]));
        }
        return minimums;
    }

    /**
     * The jars the tests run with, named from their place in the Maven repository
     * ({@code group/path/artifact/version/artifact-version.jar}). Surefire may hand the JVM a
     * single manifest-only jar; its Class-Path lists the real ones.
     */
    private static Set<Jar> classpathJars() throws IOException {
        Set<Jar> jars = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            addJar(jars, path);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    String classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (classPath != null) {
                        for (String url : classPath.trim().split("\\s+")) {
                            addJar(jars, Path.of(java.net.URI.create(url)));
                        }
                    }
                }
            }
        }
        assertThat(jars).as("jars found on the classpath").hasSizeGreaterThan(50);
        return jars;
    }

    private static void addJar(Set<Jar> jars, Path path) {
        Path versionDir = path.getParent();
        Path artifactDir = versionDir == null ? null : versionDir.getParent();
        if (artifactDir == null || artifactDir.getParent() == null) {
            return;
        }
        String version = versionDir.getFileName().toString();
        String artifact = artifactDir.getFileName().toString();
        if (!path.getFileName().toString().startsWith(artifact + "-" + version)) {
            return;
        }
        List<String> group = new ArrayList<>();
        for (Path p = artifactDir.getParent(); p != null && p.getFileName() != null
                && !p.getFileName().toString().equals("repository"); p = p.getParent()) {
            group.addFirst(p.getFileName().toString());
        }
        jars.add(new Jar(String.join(".", group), artifact, version));
    }

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Each dependency, plugin or parent version of the POM that is not one fixed release. */
    private static List<String> unpinnedVersions(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new TreeMap<>();
        NodeList props = doc.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            for (Node n = props.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        List<String> unpinned = new ArrayList<>();
        for (String tag : List.of("dependency", "plugin", "parent")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element element = (Element) nodes.item(i);
                String version = child(element, "version");
                if (version == null) {
                    continue;
                }
                Matcher m = PROPERTY.matcher(version);
                String resolved = m.matches() ? properties.getOrDefault(m.group(1), version) : version;
                if (resolved.endsWith("-SNAPSHOT") || resolved.startsWith("[") || resolved.startsWith("(")
                        || resolved.equals("LATEST") || resolved.equals("RELEASE") || resolved.contains("${")) {
                    String name = child(element, "artifactId");
                    unpinned.add((name == null ? tag : name) + " " + resolved);
                }
            }
        }
        return unpinned;
    }

    private static String child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static final Pattern TOKEN = Pattern.compile("\\d+|[a-zA-Z]+");
    private static final Set<String> RELEASE_QUALIFIERS = Set.of("final", "release", "ga", "jre", "android");

    /**
     * Compares release versions: numbers by value, a missing number is 0, and a pre-release
     * qualifier (alpha, beta, M, RC, SNAPSHOT...) comes before the release it leads to, while release
     * markers (Final, RELEASE, GA, jre) count as nothing.
     */
    static int compare(String a, String b) {
        List<Object> x = tokens(a);
        List<Object> y = tokens(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            Object p = i < x.size() ? x.get(i) : 0L;
            Object q = i < y.size() ? y.get(i) : 0L;
            int c;
            if (p instanceof Long l && q instanceof Long r) {
                c = Long.compare(l, r);
            } else if (p instanceof Long) {
                c = 1;
            } else if (q instanceof Long) {
                c = -1;
            } else {
                c = ((String) p).compareToIgnoreCase((String) q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<Object> tokens(String version) {
        List<Object> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(version);
        while (m.find()) {
            String t = m.group();
            if (Character.isDigit(t.charAt(0))) {
                tokens.add(Long.parseLong(t));
            } else if (!RELEASE_QUALIFIERS.contains(t.toLowerCase(java.util.Locale.ROOT))) {
                tokens.add(t.toLowerCase(java.util.Locale.ROOT));
            }
        }
        while (!tokens.isEmpty() && tokens.getLast() instanceof Long l && l == 0) {
            tokens.removeLast();
        }
        return tokens;
    }
}
