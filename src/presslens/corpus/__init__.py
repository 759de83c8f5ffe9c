"""What presslens reads across articles, as pure functions over plain data: quote drift."""
