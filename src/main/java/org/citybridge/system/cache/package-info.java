/**
 * Caches of figures read from the database that stay right on every instance of the portal: each
 * entry is kept with a version number the database advances at commit of every change of what it
 * depends on ({@link VersionedCache}).
 */
@org.springframework.modulith.NamedInterface("cache")
package org.citybridge.system.cache;
