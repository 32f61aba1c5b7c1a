package org.citybridge.system.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visitors' sessions, kept in PostgreSQL ({@code SPRING_SESSION}, created by Flyway) so that any
 * instance serves any visitor: the repository Spring Boot would build, with one difference. Spring
 * Session's own configuration gives its {@link JdbcTemplate} an exception translator that parses
 * Spring's {@code sql-error-codes.xml} at start-up (the JDK's XML parser and schema loader and
 * Spring's XML bean reader, some 440 classes, 0.15 s of every start); this one keeps the translator
 * every other statement of the portal uses (by SQLState, PostgreSQL's unique violation still a
 * {@code DuplicateKeyException}). Boot's session support stays as it is: the cookie (HttpOnly,
 * SameSite=Lax, Secure over HTTPS), the filter and its dispatcher types, {@code spring.session.timeout}.
 * Spring Session's defaults are kept for the rest (table {@code SPRING_SESSION}, clean-up every
 * minute); Boot's {@code spring.session.jdbc.*} settings are not read.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

	@Bean
	JdbcIndexedSessionRepository sessionRepository(DataSource dataSource, PlatformTransactionManager transactions,
			ObjectProvider<SessionTimeout> timeout) {
		TransactionTemplate inOwnTransaction = new TransactionTemplate(transactions);
		inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		inOwnTransaction.afterPropertiesSet();
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				inOwnTransaction);
		SessionTimeout configured = timeout.getIfAvailable();
		Duration maxInactive = configured == null ? null : configured.getTimeout();
		sessions.setDefaultMaxInactiveInterval(maxInactive == null ? Duration.ofMinutes(30) : maxInactive);
		// Session attributes (the security context) are read back with the portal's class loader, as Spring
		// Session's configuration does: classes in the jar's nested libraries resolve.
		ClassLoader classLoader = SessionStore.class.getClassLoader();
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		sessions.setConversionService(conversion);
		return sessions;
	}

}
