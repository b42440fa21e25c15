package org.certbench.product.tests;

import java.nio.file.Path;

/** Where the reactor put the launchers and the materialised products. */
final class Products {

    static final Path REPOSITORY = Path.of(System.getProperty("certbench.repository", "../..")).toAbsolutePath()
            .normalize();
    static final Path PRODUCTS = REPOSITORY.resolve("releng/org.certbench.product/target/products");
    static final Path WORKBENCH = PRODUCTS.resolve("org.certbench.product/linux/gtk/x86_64");
    static final Path SHELL = PRODUCTS.resolve("org.certbench.shell.product/linux/gtk/x86_64");
    static final Path SCREENSHOTS = Path.of(System.getProperty("certbench.screenshots", "target/screenshots"));

    private Products() {
    }

    static Path launcher(String name) {
        return REPOSITORY.resolve(name);
    }
}
