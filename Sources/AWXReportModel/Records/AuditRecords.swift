/// A notification sent for the workflow or one of its approval nodes.
package struct NotificationRecord: Hashable, Sendable {
  /// The notification's id.
  package var id: Int
  /// `email`, `slack`, `webhook`, …
  package var type: String
  /// `pending`, `successful` or `failed`.
  package var status: String
  /// The subject line, when the type has one.
  package var subject: String
  /// The notification template's name.
  package var templateName: String
  /// The error text, when sending failed.
  package var error: String
  /// When it was created.
  package var created: Timestamp?

  /// Creates a notification record.
  package init(
    id: Int, type: String, status: String, subject: String = "", templateName: String = "",
    error: String = "", created: Timestamp? = nil
  ) {
    self.id = id
    self.type = type
    self.status = status
    self.subject = subject
    self.templateName = templateName
    self.error = error
    self.created = created
  }
}

/// One activity stream entry: who did what, when.
package struct ActivityEntry: Hashable, Sendable {
  /// The entry's id.
  package var id: Int
  /// When it happened.
  package var timestamp: Timestamp?
  /// The acting user's name, when there was one.
  package var actor: String?
  /// `create`, `update`, `delete`, `associate` or `disassociate`.
  package var operation: String
  /// The object's type (`workflow_job`, …).
  package var objectType: String
  /// The first object's kind.
  package var object1: String
  /// The second object's kind (associations).
  package var object2: String
  /// The changes, as compact JSON text.
  package var changes: String

  /// Creates an activity entry.
  package init(
    id: Int, timestamp: Timestamp?, actor: String?, operation: String, objectType: String = "",
    object1: String = "", object2: String = "", changes: String = ""
  ) {
    self.id = id
    self.timestamp = timestamp
    self.actor = actor
    self.operation = operation
    self.objectType = objectType
    self.object1 = object1
    self.object2 = object2
    self.changes = changes
  }
}
