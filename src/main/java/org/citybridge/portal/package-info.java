/**
 * The roof: pages that gather several features (the public home page with its counts and quick
 * search; each signed-in role's own home at /home, where signing in lands) and the short pages every public portal has (accessibility statement, privacy notice).
 */
package org.citybridge.portal;
