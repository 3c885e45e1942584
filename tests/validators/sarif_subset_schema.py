"""The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that Kumozu's output uses,
transcribed with their required properties, enumerations and ``additionalProperties: false``, so a
property name SARIF does not define, a missing required property or a wrong level fails the test.
No installed package ships the official schema file."""

from __future__ import annotations

_STRING = {"type": "string"}
_MESSAGE = {"type": "object", "additionalProperties": False, "required": ["text"],
            "properties": {"text": _STRING, "markdown": _STRING, "id": _STRING,
                           "arguments": {"type": "array", "items": _STRING}}}
_PROPERTY_BAG = {"type": "object", "properties": {"tags": {"type": "array", "items": _STRING,
                                                           "uniqueItems": True}}}
_ARTIFACT_LOCATION = {"type": "object", "additionalProperties": False,
                      "properties": {"uri": _STRING, "uriBaseId": _STRING,
                                     "index": {"type": "integer", "minimum": -1},
                                     "description": _MESSAGE, "properties": _PROPERTY_BAG}}
_REGION = {"type": "object", "additionalProperties": False,
           "properties": {"startLine": {"type": "integer", "minimum": 1},
                          "startColumn": {"type": "integer", "minimum": 1},
                          "endLine": {"type": "integer", "minimum": 1},
                          "endColumn": {"type": "integer", "minimum": 1}, "message": _MESSAGE}}
_LOGICAL = {"type": "object", "additionalProperties": False,
            "properties": {"name": _STRING, "index": {"type": "integer", "minimum": -1},
                           "fullyQualifiedName": _STRING, "decoratedName": _STRING,
                           "parentIndex": {"type": "integer", "minimum": -1}, "kind": _STRING,
                           "properties": _PROPERTY_BAG}}
_LOCATION = {"type": "object", "additionalProperties": False,
             "properties": {"id": {"type": "integer", "minimum": -1},
                            "physicalLocation": {"type": "object", "additionalProperties": False,
                                                 "properties": {"artifactLocation": _ARTIFACT_LOCATION,
                                                                "region": _REGION,
                                                                "contextRegion": _REGION,
                                                                "properties": _PROPERTY_BAG}},
                            "logicalLocations": {"type": "array", "items": _LOGICAL},
                            "message": _MESSAGE, "properties": _PROPERTY_BAG}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
_MULTIFORMAT = {"type": "object", "additionalProperties": False, "required": ["text"],
                "properties": {"text": _STRING, "markdown": _STRING, "properties": _PROPERTY_BAG}}
_DESCRIPTOR = {"type": "object", "additionalProperties": False, "required": ["id"],
               "properties": {"id": _STRING, "name": _STRING, "shortDescription": _MULTIFORMAT,
                              "fullDescription": _MULTIFORMAT, "help": _MULTIFORMAT,
                              "helpUri": {"type": "string", "format": "uri"},
                              "defaultConfiguration": {"type": "object", "additionalProperties": False,
                                                       "properties": {"level": _LEVEL,
                                                                      "enabled": {"type": "boolean"},
                                                                      "rank": {"type": "number"},
                                                                      "properties": _PROPERTY_BAG}},
                              "properties": _PROPERTY_BAG}}
_RESULT = {"type": "object", "additionalProperties": False, "required": ["message"],
           "properties": {"ruleId": _STRING, "ruleIndex": {"type": "integer", "minimum": -1},
                          "level": _LEVEL, "message": _MESSAGE,
                          "locations": {"type": "array", "items": _LOCATION},
                          "relatedLocations": {"type": "array", "items": _LOCATION},
                          "partialFingerprints": {"type": "object",
                                                  "additionalProperties": _STRING},
                          "properties": _PROPERTY_BAG}}
_TOOL_COMPONENT = {"type": "object", "additionalProperties": False, "required": ["name"],
                   "properties": {"name": _STRING, "version": _STRING, "semanticVersion": _STRING,
                                  "informationUri": {"type": "string", "format": "uri"},
                                  "rules": {"type": "array", "items": _DESCRIPTOR},
                                  "properties": _PROPERTY_BAG}}
_RUN = {"type": "object", "additionalProperties": False, "required": ["tool"],
        "properties": {"tool": {"type": "object", "additionalProperties": False, "required": ["driver"],
                                "properties": {"driver": _TOOL_COMPONENT}},
                       "artifacts": {"type": "array", "items": {
                           "type": "object", "additionalProperties": False,
                           "properties": {"location": _ARTIFACT_LOCATION,
                                          "roles": {"type": "array", "uniqueItems": True, "items": {
                                              "enum": ["analysisTarget", "resultFile"]}}}}},
                       "results": {"type": "array", "items": _RESULT},
                       "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                       "properties": _PROPERTY_BAG}}
SARIF_SUBSET = {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                "additionalProperties": False, "required": ["version", "runs"],
                "properties": {"$schema": {"type": "string", "format": "uri"},
                               "version": {"enum": ["2.1.0"]},
                               "runs": {"type": "array", "items": _RUN}}}
