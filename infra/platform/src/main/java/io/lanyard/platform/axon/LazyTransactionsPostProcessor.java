package io.lanyard.platform.axon;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Axon opens the transaction before it takes the aggregate lock. With an eager data source every thread queued on a
 * hot aggregate would hold a pooled connection while it waits, and a pool smaller than the queue stalls. Behind
 * this proxy a transaction takes its connection at its first statement, which for a cached aggregate is the append
 * after the lock is held.
 */
class LazyTransactionsPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
                && "dataSource".equals(beanName)) {
            return new LazyConnectionDataSourceProxy(dataSource);
        }
        return bean;
    }
}
