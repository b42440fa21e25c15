/**
 * The configured issuers' files in {@code <home>/issuers/}, shared with the ACME issuer's bundle (x-friends): no API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.certbench.issuers.internal.files;
