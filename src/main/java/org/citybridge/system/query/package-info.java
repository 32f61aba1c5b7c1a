/**
 * What a feature's handler takes from a request's query string: {@link org.citybridge.system.query.QueryString}
 * marks a record filled from it by name, as the list pages' filters are.
 */
@org.springframework.modulith.NamedInterface("query")
package org.citybridge.system.query;
