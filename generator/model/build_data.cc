// Builds databases, caches, secrets and buckets (the stateful parts) of an AppModel.
#include <algorithm>

#include "model/build_parts.h"

namespace infragen {

namespace {

// A database key ("orders-db") as a name the engines accept ("orders_db").
std::string database_name_from_key(const std::string& key) {
  std::string name = key;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace

DatabaseModel build_database(const ModelContext& context, const std::string& name,
                             const Fields& fields) {
  DatabaseModel database;
  database.name = name;
  database.origin = context.origin(fields.pointer());
  database.engine = fields.string("engine");
  database.version = fields.string("version");
  database.size = fields.string("size");
  database.storage_gib = fields.integer("storage");
  database.multi_zone = fields.boolean("multi_zone");
  database.read_replicas = fields.integer("read_replicas");
  Fields backup = fields.object("backup");
  database.backup_retention_days = backup.integer("retention_days");
  database.backup_window = backup.optional_string("window").value_or("");
  database.database_name = fields.optional_string("name").value_or(database_name_from_key(name));
  database.username = fields.string("user");
  database.managed = fields.boolean("managed");
  return database;
}

CacheModel build_cache(const ModelContext& context, const std::string& name, const Fields& fields) {
  CacheModel cache;
  cache.name = name;
  cache.origin = context.origin(fields.pointer());
  cache.engine = fields.string("engine");
  cache.version = fields.string("version");
  cache.size = fields.string("size");
  cache.nodes = fields.integer("nodes");
  cache.managed = fields.boolean("managed");
  return cache;
}

SecretModel build_secret(const ModelContext& context, const std::string& name,
                         const Fields& fields) {
  SecretModel secret;
  secret.name = name;
  secret.origin = context.origin(fields.pointer());
  secret.description = fields.optional_string("description").value_or("");
  return secret;
}

BucketModel build_bucket(const ModelContext& context, const std::string& name,
                         const Fields& fields) {
  BucketModel bucket;
  bucket.name = name;
  bucket.origin = context.origin(fields.pointer());
  bucket.expire_days = fields.optional_integer("expire_days");
  bucket.versioning = fields.boolean("versioning");
  return bucket;
}

VolumeModel build_volume(const ModelContext& context, const std::string& name,
                         const Fields& fields) {
  VolumeModel volume;
  volume.name = name;
  volume.origin = context.origin(fields.pointer());
  Fields owner = fields.object("owner");
  // POSIX ids are 32-bit unsigned, past what `integer` (an int) holds.
  volume.uid = static_cast<long long>(owner.number("uid"));
  volume.gid = static_cast<long long>(owner.number("gid"));
  volume.permissions = fields.string("permissions");
  if (volume.permissions.size() == 3) volume.permissions = "0" + volume.permissions;
  volume.throughput = fields.string("throughput");
  volume.backup = fields.boolean("backup");
  volume.infrequent_access_after_days = fields.integer("infrequent_access_after");
  return volume;
}

}  // namespace infragen
