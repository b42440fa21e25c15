package org.certbench.product.tests;

/**
 * The shells of every home share the product's framework storage (configuration/org.eclipse.osgi), and plug-in
 * installs write into it: a shell starting while another installs or uninstalls a plug-in can find a bundle whose
 * stored copy is gone, and its start fails ("Could not create bundle file"; then "target is null" for the command).
 * That is a known defect of the product, to be mended by a framework storage per home; until then the tests that
 * install plug-ins do not run at the same time as each other.
 */
final class FrameworkStorage {

    /** The resource the tests that install plug-ins lock. */
    static final String SHARED = "the shell product's shared framework storage";

    private FrameworkStorage() {
    }
}
