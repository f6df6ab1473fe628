/// A notification sent for the workflow or one of its approval nodes.
public struct NotificationRecord: Hashable, Sendable {
  /// The notification's id.
  public var id: Int
  /// `email`, `slack`, `webhook`, …
  public var type: String
  /// `pending`, `successful` or `failed`.
  public var status: String
  /// The subject line, when the type has one.
  public var subject: String
  /// The notification template's name.
  public var templateName: String
  /// The error text, when sending failed.
  public var error: String
  /// When it was created.
  public var created: Timestamp?

  /// Creates a notification record.
  public init(
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
public struct ActivityEntry: Hashable, Sendable {
  /// The entry's id.
  public var id: Int
  /// When it happened.
  public var timestamp: Timestamp?
  /// The acting user's name, when there was one.
  public var actor: String?
  /// `create`, `update`, `delete`, `associate` or `disassociate`.
  public var operation: String
  /// The object's type (`workflow_job`, …).
  public var objectType: String
  /// The first object's kind.
  public var object1: String
  /// The second object's kind (associations).
  public var object2: String
  /// The changes, as compact JSON text.
  public var changes: String

  /// Creates an activity entry.
  public init(
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
