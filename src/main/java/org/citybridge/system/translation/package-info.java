/**
 * Content that staff give in several languages (issue 20): the text a page shows in the reader's
 * language, or the original marked with its own language ({@link Translated}), read from and
 * written to the {@code translations} jsonb column each translatable table carries
 * ({@link Translations}); the fragment {@code fragments/translated} renders it.
 */
@org.springframework.modulith.NamedInterface("translation")
package org.citybridge.system.translation;
