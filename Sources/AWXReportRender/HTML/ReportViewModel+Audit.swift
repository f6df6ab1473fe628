import AWXReportModel
import AWXReportTemplate

extension ReportViewModel {
  /// The longest variables text shown; longer text is cut with a note.
  static let variablesLimit = 200_000

  /// `extra_vars` and the nodes' `extra_data`, pretty-printed and redacted.
  var variables: TemplateValue {
    var perNode: [TemplateValue] = []
    for id in analysis.graph.topologicalOrder {
      guard let node = byID[id], !Redaction.isEmptyObject(node.extraData) else { continue }
      var item = json(node.extraData)
      item["name"] = Self.text(node.displayName, limit: 80)
      item["anchor"] = .string(NodeAnchor.row(nodeID: id))
      perNode.append(.object(item))
    }
    return [
      "extraVars": .object(json(run.job.extraVars)),
      "nodes": .list(perNode),
      "anyNodes": .bool(!perNode.isEmpty),
      "redact": .bool(input.redact),
    ]
  }

  private func json(_ text: String) -> TemplateObject {
    switch Redaction.format(text, redact: input.redact) {
    case .json(let pretty):
      return ["text": .string(Self.cut(pretty)), "invalid": false]
    case .invalid(let raw):
      return ["text": .string(Self.cut(HTMLText.clean(raw))), "invalid": true]
    }
  }

  private static func cut(_ text: String) -> String {
    guard text.utf8.count > variablesLimit else { return text }
    return String(text.prefix(variablesLimit)) + "\n… (cut: the full text is in snapshot.json)"
  }

  /// Labels, notifications and the activity stream.
  var audit: TemplateValue {
    let labels = run.job.labels.map { Self.text($0, limit: 80) }
    let notifications = run.notifications.map { n -> TemplateValue in
      [
        "id": .int(n.id),
        "type": Self.text(n.type, limit: 40),
        "status": Self.text(n.status, limit: 40),
        "failed": .bool(n.status == "failed"),
        "subject": n.subject.isEmpty ? .null : Self.text(n.subject, limit: 160),
        "template": n.templateName.isEmpty ? .null : Self.text(n.templateName, limit: 80),
        "error": n.error.isEmpty ? .null : Self.text(n.error, limit: 400, singleLine: false),
        "created": time(n.created),
      ]
    }
    let activity = run.activity.map { e -> TemplateValue in
      var object = e.object1
      if !e.object2.isEmpty { object += " ↔ " + e.object2 }
      let changes = Redaction.compact(e.changes, redact: input.redact)
      return [
        "id": .int(e.id),
        "when": time(e.timestamp),
        "actor": e.actor.map { Self.text($0, limit: 60) } ?? .null,
        "operation": Self.text(e.operation, limit: 40),
        "object": Self.text(object.isEmpty ? e.objectType : object, limit: 80),
        "changes": changes.isEmpty || changes == "{}" ? .null : Self.text(changes, limit: 240),
      ]
    }
    return [
      "labels": .list(labels),
      "anyLabels": .bool(!labels.isEmpty),
      "notifications": .list(notifications),
      "anyNotifications": .bool(!notifications.isEmpty),
      "activity": .list(activity),
      "anyActivity": .bool(!activity.isEmpty),
    ]
  }
}
