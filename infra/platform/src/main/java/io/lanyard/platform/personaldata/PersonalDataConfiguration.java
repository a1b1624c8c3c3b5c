package io.lanyard.platform.personaldata;

import java.time.Clock;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crypto-shredding for every service: the key table's access and the serializers of the event store (events
 * through {@code eventSerializer}, snapshots through the general {@code serializer}) wrapped so that personal
 * fields are sealed on write and opened on read.
 */
@AutoConfiguration
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataKeys personalDataKeys(JdbcClient jdbc, ObjectProvider<Clock> clock,
                                      PersonalDataProperties properties) {
        return new PersonalDataKeys(jdbc, clock.getIfAvailable(Clock::systemUTC), properties);
    }

    @Bean
    static BeanPostProcessor personalDataSerializers(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof Serializer serializer && !(bean instanceof PersonalDataSerializer)
                        && ("serializer".equals(beanName) || "eventSerializer".equals(beanName))) {
                    return new PersonalDataSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }
}
