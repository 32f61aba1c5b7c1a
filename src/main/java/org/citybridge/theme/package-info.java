/**
 * The fixed, translatable vocabulary of themes that municipalities offer expertise in or seek,
 * that agreements cover and funding serves. Codes live in the database; names in the bundles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.citybridge.theme;
