package org.forumledger.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every round trip the service's connections make, as the statement's SQL (and {@code commit} or
 * {@code rollback}) with the thread that made it: the JDBC side of PostgreSQL's {@code
 * log_statement = all}. The statement a transaction begins with carries its {@code BEGIN} in the
 * same round trip (the driver sends both together), so it is not listed apart.
 */
public final class StatementLog implements BeanPostProcessor {

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

  public record Entry(String thread, String sql) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, this::dataSourceCall);
    }
    return bean;
  }

  /** The round trips made while {@code action} ran, by threads {@code threads} accepts. */
  public List<String> during(Runnable action, Predicate<String> threads) {
    int from;
    synchronized (entries) {
      from = entries.size();
    }
    action.run();
    synchronized (entries) {
      return entries.subList(from, entries.size()).stream()
          .filter(e -> threads.test(e.thread()))
          .map(Entry::sql)
          .toList();
    }
  }

  private void record(String sql) {
    synchronized (entries) {
      entries.add(new Entry(Thread.currentThread().getName(), sql));
    }
  }

  private Object dataSourceCall(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    if (result instanceof Connection connection) {
      return proxy(Connection.class, connection, this::connectionCall);
    }
    return result;
  }

  private Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("commit") || name.equals("rollback")) {
      record(name);
    }
    Object result = invoke(target, method, args);
    if (result instanceof Statement statement) {
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
      Call call = (t, m, a) -> statementCall(sql, t, m, a);
      if (statement instanceof java.sql.CallableStatement callable) {
        return proxy(java.sql.CallableStatement.class, callable, call);
      }
      if (statement instanceof java.sql.PreparedStatement prepared) {
        return proxy(java.sql.PreparedStatement.class, prepared, call);
      }
      return proxy(Statement.class, statement, call);
    }
    return result;
  }

  private Object statementCall(String prepared, Object target, Method method, Object[] args)
      throws Throwable {
    if (EXECUTIONS.contains(method.getName())) {
      record(args != null && args.length > 0 && args[0] instanceof String s ? s : prepared);
    }
    return invoke(target, method, args);
  }

  private interface Call {
    Object invoke(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, Call call) {
    InvocationHandler handler =
        (p, method, args) -> {
          if (method.getName().equals("unwrap")
              && args[0] instanceof Class<?> c
              && c.isInstance(target)) {
            return target;
          }
          if (method.getName().equals("isWrapperFor")
              && args[0] instanceof Class<?> c
              && c.isInstance(target)) {
            return true;
          }
          return call.invoke(target, method, args);
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
