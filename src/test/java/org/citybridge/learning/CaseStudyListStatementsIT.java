package org.citybridge.learning;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.citybridge.IntegrationTest;
import org.citybridge.account.AccountTestSupport;
import org.citybridge.agreement.AgreementLookup;
import org.citybridge.system.ResultPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of case studies is read in a fixed number of statements, however many it lists (it was
 * one for the rows and two more for each row's themes and places: 41 for a page of 20). Counts the
 * statements prepared on a data source that wraps the application's.
 */
@IntegrationTest
class CaseStudyListStatementsIT {

	@Autowired
	WebApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LearningPolicy policy;

	@Autowired
	AgreementLookup agreements;

	@Test
	void aPageOfTwentyIsReadInThreeStatements() {
		AccountTestSupport.loadDemoData(this.context);
		List<Long> places = this.jdbc.sql("SELECT id FROM municipalities ORDER BY id LIMIT 2").query(Long.class).list();
		List<String> themes = this.jdbc.sql("SELECT code FROM themes ORDER BY position LIMIT 2").query(String.class).list();
		for (int i = 0; i < 25; i++) {
			long id = this.jdbc.sql("""
					INSERT INTO case_studies (title, summary, body, language, status, published_at)
					VALUES (?, 'Counted', 'Counted', 'en', ?, now()) RETURNING id
					""").params("Counted " + i, CaseStudyStatus.PUBLISHED.name()).query(Long.class).single();
			for (Long place : places) {
				this.jdbc.sql("INSERT INTO case_study_municipalities (case_study_id, municipality_id) VALUES (?, ?)")
					.params(id, place)
					.update();
			}
			for (String theme : themes) {
				this.jdbc.sql("INSERT INTO case_study_themes (case_study_id, theme_code) VALUES (?, ?)")
					.params(id, theme)
					.update();
			}
		}
		AtomicInteger statements = new AtomicInteger();
		CaseStudies counted = new CaseStudies(JdbcClient.create(counting(this.dataSource, statements)), this.policy,
				this.agreements);

		List<CaseStudies.Listed> latest = counted.latest(20);

		assertThat(latest).hasSize(20);
		assertThat(latest).allSatisfy(listed -> {
			assertThat(listed.municipalities()).hasSize(places.size());
			assertThat(listed.themes()).containsExactlyElementsOf(themes);
		});
		assertThat(statements).hasValue(3);

		statements.set(0);
		ResultPage<CaseStudies.Listed> page = counted.search("", null, null, 1);
		assertThat(page.items()).hasSize(20);
		assertThat(statements).as("the count, the rows, their themes, their places").hasValue(4);
	}

	/** The data source, counting every statement its connections prepare or create. */
	private static DataSource counting(DataSource target, AtomicInteger statements) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					Object result = invoke(method, target, args);
					if (result instanceof Connection connection) {
						return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
								(p, m, a) -> {
									if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
										statements.incrementAndGet();
									}
									return invoke(m, connection, a);
								});
					}
					return result;
				});
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}
}
