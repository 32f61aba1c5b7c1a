package org.citybridge.system.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record a handler takes as it is, filled from the query string: each component from the
 * parameter of its name (or of its {@code @BindParam}'s), a {@code String} or a {@code List<String>},
 * {@code null} when the parameter is absent. The values are as Spring MVC's data binding gave them
 * (one value of a list split at commas, several values of a text joined by commas), without building
 * a binder and reading the constructor's generic signature again for every request: a list page's
 * own time on the register (issue 25). Nothing in it is trusted yet; the page's query checks it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryString {
}
