/**
 * The floor every feature stands on: security configuration, locale resolution and the language
 * switcher, error pages, the page layout, the signed-in actor, and the database bootstrap that
 * creates the portal's database on first start. It knows no feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.citybridge.system;
