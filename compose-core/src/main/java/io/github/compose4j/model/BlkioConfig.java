package io.github.compose4j.model;

import java.util.List;

/** Block IO limits. */
public record BlkioConfig(
        @Key("weight") long weight,
        @Key("weight_device") List<WeightDevice> weightDevice,
        @Key("device_read_bps") List<ThrottleDevice> deviceReadBps,
        @Key("device_read_iops") List<ThrottleDevice> deviceReadIops,
        @Key("device_write_bps") List<ThrottleDevice> deviceWriteBps,
        @Key("device_write_iops") List<ThrottleDevice> deviceWriteIops,
        @Key("#extensions") Extensions extensions) {
}
