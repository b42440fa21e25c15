package org.certbench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Ties the help texts to the commands, in the bundles the build made: each Gogo command component's functions
 * (read from its DS component description) must have a description and a usage in the properties file the
 * component names, and the {@code --options} of a usage must be the {@code @Parameter} names of the function's
 * methods, and the other way round. Each mismatch is one sentence naming the command.
 */
final class CommandHelpTexts {

    static final String MESSAGES = "certbench.command.messages";
    private static final Pattern OPTION = Pattern.compile("--[A-Za-z][A-Za-z0-9-]*");

    /** One command component: its scope, functions, help texts and class. */
    record Component(String bundle, String scope, List<String> functions, String messages, String implementation) {
    }

    private CommandHelpTexts() {
    }

    /** The command components of a bundle jar: those whose description has an osgi.command.scope. */
    static List<Component> components(java.nio.file.Path bundle) throws IOException {
        List<Component> components = new ArrayList<>();
        try (JarFile jar = new JarFile(bundle.toFile())) {
            for (ZipEntry entry : jar.stream().filter(e -> e.getName().startsWith("OSGI-INF/")
                    && e.getName().endsWith(".xml")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(in);
                    String scope = property(document, "osgi.command.scope");
                    if (scope == null) {
                        continue;
                    }
                    Element implementation = (Element) document.getElementsByTagName("implementation").item(0);
                    String functions = property(document, "osgi.command.function");
                    components.add(new Component(bundle.getFileName().toString(), scope,
                            functions == null ? List.of() : functions.lines().map(String::strip)
                                    .filter(line -> !line.isEmpty()).toList(),
                            property(document, MESSAGES), implementation.getAttribute("class")));
                } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
                    throw new IOException(bundle + "!" + entry.getName() + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return components;
    }

    private static String property(Document document, String name) {
        NodeList properties = document.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.hasAttribute("value") ? property.getAttribute("value") : property.getTextContent();
            }
        }
        return null;
    }

    /** What is wrong with a component's help texts, one sentence per mismatch; classes from {@code loader}. */
    static List<String> mismatches(Component component, ClassLoader loader) throws ClassNotFoundException {
        List<String> mismatches = new ArrayList<>();
        if (component.messages() == null) {
            mismatches.add(component.scope() + " (" + component.implementation() + ") names no " + MESSAGES);
            return mismatches;
        }
        ResourceBundle texts;
        try {
            texts = ResourceBundle.getBundle(component.messages(), Locale.ROOT, loader);
        } catch (MissingResourceException e) {
            mismatches.add(component.scope() + ": " + component.messages() + " is not in " + component.bundle());
            return mismatches;
        }
        Class<?> type = Class.forName(component.implementation(), false, loader);
        for (String function : component.functions()) {
            String command = component.scope() + ":" + function;
            for (String key : List.of(function, function + ".usage")) {
                if (!texts.containsKey(key)) {
                    mismatches.add(command + " has no " + key + " in " + component.messages());
                }
            }
            if (!texts.containsKey(function + ".usage")) {
                continue;
            }
            Set<String> documented = options(texts.getString(function + ".usage"));
            Set<String> declared = parameterNames(type, function);
            for (String option : documented) {
                if (!declared.contains(option)) {
                    mismatches.add(command + "'s usage shows " + option + ", which is no @Parameter of it " + declared);
                }
            }
            for (String option : declared) {
                if (option.startsWith("--") && !documented.contains(option)) {
                    mismatches.add(command + " takes " + option + ", which its usage does not show");
                }
            }
        }
        return mismatches;
    }

    /**
     * The options a usage shows. A usage line that is one word alone ({@code --all} of messages:read,
     * {@code --none} of net:proxy) is a literal argument the method compares, not an option: it is left out.
     */
    static Set<String> options(String usage) {
        Set<String> options = new TreeSet<>();
        for (String line : usage.lines().map(String::strip).toList()) {
            if (OPTION.matcher(line).matches()) {
                continue;
            }
            Matcher matcher = OPTION.matcher(line);
            while (matcher.find()) {
                options.add(matcher.group());
            }
        }
        return options;
    }

    /** The @Parameter names of every method Gogo may call for the function (import, _import, getX, isX). */
    private static Set<String> parameterNames(Class<?> type, String function) {
        Set<String> methodNames = new LinkedHashSet<>();
        String name = function.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("", "_", "get", "is", "set")) {
            methodNames.add(prefix + name);
        }
        Set<String> names = new TreeSet<>();
        for (Method method : type.getMethods()) {
            if (!methodNames.contains(method.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (Annotation[] annotations : method.getParameterAnnotations()) {
                for (Annotation annotation : annotations) {
                    if (annotation.annotationType().getName().equals("org.apache.felix.service.command.Parameter")) {
                        names.addAll(Arrays.asList(names(annotation)));
                    }
                }
            }
        }
        return names;
    }

    private static String[] names(Annotation parameter) {
        try {
            return (String[]) parameter.annotationType().getMethod("names").invoke(parameter);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Gogo's @Parameter has no names(): " + e, e);
        }
    }
}
