/**
 * The roof: pages that gather several features (the home page with its counts and quick search)
 * and the short pages every public portal has (accessibility statement, privacy notice).
 */
package org.citybridge.portal;
