package org.citybridge.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.UndeclaredThrowableException;

import org.springframework.ui.Model;

/**
 * A page service's answer is a record whose components are what the template reads, by the same
 * names: a handler hands it over whole instead of copying it into the model part by part.
 */
public final class PageModel {

	/** Each page record type's accessors, looked up and opened once, not on every request. */
	private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {

		@Override
		protected Method[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Method[] accessors = new Method[components.length];
			for (int i = 0; i < components.length; i++) {
				accessors[i] = components[i].getAccessor();
				accessors[i].setAccessible(true);
			}
			return accessors;
		}
	};

	private PageModel() {
	}

	/** Puts each component of {@code page} into the model under its own name ({@code null}s too). */
	public static void add(Model model, Record page) {
		for (Method accessor : ACCESSORS.get(page.getClass())) {
			try {
				model.addAttribute(accessor.getName(), accessor.invoke(page));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InvocationTargetException ex) {
				throw new UndeclaredThrowableException(ex.getCause());
			}
		}
	}
}
