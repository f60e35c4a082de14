package org.amity.streams.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of the process shares one block cache, which also holds their memtables and their index and
 * filter blocks: the state's memory stays within {@link #TOTAL} however many stores and tasks there are (by default
 * each store takes its own cache and up to three 16 MB memtables).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  static final long TOTAL = 128L * 1024 * 1024;
  static final long MEMTABLES = TOTAL / 2;
  private static final Cache CACHE = new LRUCache(TOTAL, -1, false, 0.1);
  private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write buffer manager are the process's, shared by every store
  }
}
